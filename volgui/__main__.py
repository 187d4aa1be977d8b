from volgui.cli import main

raise SystemExit(main())
