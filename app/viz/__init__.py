"""Interactive org-maps: catalogue answers drawn with pyvis as self-contained, offline pages."""
