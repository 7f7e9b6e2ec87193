// A PDF reader that never answers, stuck in a loop as a crafted file could make it: the time
// limit must stop it.
for (;;) {
  // spin
}
