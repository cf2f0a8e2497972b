"""The planning rules, free of Qt: catalog, plans, estimates, scheduling, advice, suggestions."""
