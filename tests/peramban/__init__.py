"""Real-browser journeys and accessibility checks (issue 8)."""
