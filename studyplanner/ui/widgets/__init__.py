"""Small pieces every panel shares: form fields, field undo, the wheel guard and the theme."""
