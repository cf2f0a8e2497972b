"""The team view (issue 25): a manager's roll-up of a folder of plans, read in the background,
with the team's targets, a team timeline, the quarterly budget and the printed team report."""
