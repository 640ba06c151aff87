"""CrossFlow's composition root: app factory, routes, CLI, scheduler, demo; the kernel is core/."""
