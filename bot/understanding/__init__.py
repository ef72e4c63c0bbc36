"""Reading owners' own words: answers to the diagnosis questions, head counts, doubts."""
