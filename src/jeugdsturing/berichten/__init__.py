"""iJw 3.2 message traffic: strict parsing and validation (this package), then
pseudonymised storage, trajectories, import runs and quarantine (to follow)."""
