"""``python -m cbkpi``."""

from cbkpi.entry import console

console()
