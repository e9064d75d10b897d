#!/usr/bin/env python
from counterpart.cli import main

if __name__ == "__main__":
    main()
