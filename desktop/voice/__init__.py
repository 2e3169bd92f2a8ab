"""Voice: audio sources, wake word, command recognition and intents (no Qt)."""
