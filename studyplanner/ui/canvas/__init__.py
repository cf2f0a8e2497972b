"""The painted views: the tier ladder, the timeline and the progress charts."""
