"""CrossFlow's composition root: settings, app factory, CLI, database and broker setup, clock."""
