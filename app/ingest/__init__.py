"""Reading input files into validated model objects, with every problem reported by file:line."""
