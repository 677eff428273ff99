from skpxl.cli.utama import main

raise SystemExit(main())
