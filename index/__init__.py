"""Index building entry point (the built index lives in index/store/, never committed)."""
