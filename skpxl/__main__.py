from skpxl.cli import main

raise SystemExit(main())
