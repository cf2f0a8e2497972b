import sys

from studyplanner.cli import main

sys.exit(main())
