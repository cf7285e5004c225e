// A pool worker for tests that fails while loading, before it can take any work.
throw new Error('the worker failed to load its dependencies');
