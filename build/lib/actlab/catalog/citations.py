"""Citations shared by several families (each family module declares its own others)."""

from actlab.catalog.spec import Citation

ALEXANDRIDIS_2024 = Citation(
    "Adaptive Parametric Activation",
    "Konstantinos Panagiotis Alexandridis, Jiankang Deng, Anh Nguyen, Shan Luo", 2024,
    arxiv="2407.08567", venue="ECCV 2024")
CARLILE_2017 = Citation(
    "Improving Deep Learning by Inverse Square Root Linear Units (ISRLUs)",
    "Brad Carlile et al.", 2017, arxiv="1710.09967")
HOWARD_2019 = Citation(
    "Searching for MobileNetV3", "Andrew Howard et al.", 2019, arxiv="1905.02244",
    venue="ICCV 2019")
PASZKE_2019 = Citation(
    "PyTorch: An Imperative Style, High-Performance Deep Learning Library", "Adam Paszke et al.",
    2019, arxiv="1912.01703", venue="NeurIPS 2019")
