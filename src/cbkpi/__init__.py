"""cbkpi: validated indicators and targets of Cao Bằng province, with the arithmetic analysts need."""

__version__ = "0.1.0"
