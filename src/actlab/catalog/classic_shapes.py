"""Classic shapes of the survey's sections 3.8-3.24: square-based replacements of the logistic
sigmoid, square-root units, rational and polynomial squashers, a parametric softplus and the
piecewise Mexican-hat and radial-basis units."""

SPECS = ()
