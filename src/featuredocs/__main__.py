from featuredocs.cli import main

raise SystemExit(main())
