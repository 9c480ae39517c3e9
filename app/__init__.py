"""OrgMap: who steers whom in public administration."""
