"""skpxl: SKP (PermenPANRB 6/2022) checks and computations for the Excel form."""

__version__ = "0.1.0"
