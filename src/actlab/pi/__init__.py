"""Private inference: count and cost nonlinearities, replace them with polynomials, linearize
models to a ReLU budget and watch polynomial sites for escaping activations."""
