import sys

from eval.evaluate import main

sys.exit(main())
