"""What every part of the conversation shares: control intents and the rules they drive."""
