"""What a release zip adds around the built site: start scripts, their server, LEESMIJ."""
