"""``python -m cbkpi``."""

from cbkpi.entry import main

main()
