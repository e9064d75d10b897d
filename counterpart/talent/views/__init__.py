"""Pages of the talent app, one module per part: people, posts, runs, placements, knowledge."""
