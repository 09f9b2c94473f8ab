/** English strings for `sandboxHall.*`; keys must match zhCNSandboxHall.ts. */
export const enSandboxHall = {
  sandboxHall: {
    title: 'Sandbox table',
    column: 'Asset class',
    weight: 'Share of {{name}}',
    weightValue: '{{name}}: {{weight}}%',
    total: 'Total: {{total}}%',
    run: 'Run projection',
    running: 'Simulating… {{percent}}%',
    failed: 'The projection did not finish. Try again.',
    idle: 'Run a projection to see the fan of outcomes over the years.',
    median: 'Median after {{years}} years: {{amount}} (25–75%: {{low}} to {{high}})',
    goal: 'Goal of {{amount}} in year {{year}}: reached in {{probability}} of paths',
    goalShort: 'Goal {{probability}}',
    mismatch: 'Above your risk category {{category}}: read the warning before going ahead.',
    expired: 'Your risk profile has expired: renew it to check suitability.',
    fanNote: "Fan: 5–95th percentiles in today's money; lines: sample paths.",
    stress: {
      label: 'Stress replay',
      play: 'Replay',
      caption: '{{name}}: this plan would lose {{loss}} ({{fraction}}) of {{before}}.',
      recovery: 'Back to the starting value after about {{months}} months at median returns.',
      never: 'At median returns it would not recover within 100 years.',
      none: 'This allocation would not have lost money in this scenario.',
    },
    help: 'At the table: [ and ] choose a column, + and − resize it by 1% (Page Up/Down: 5%), R runs the projection, X replays the next stress scenario. Drag a column top with the mouse or a finger; in VR, squeeze a controller at a column top and move it up or down, or squeeze on a board button to press it.',
  },
}
