"""OrgMap: who steers whom in public administration."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("orgmap")
except PackageNotFoundError:  # run from a checkout that was never installed
    __version__ = "0+unknown"
