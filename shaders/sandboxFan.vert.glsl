// The projection fan on the sandbox table and its lines (sample paths, axes, the replay front).
// During a stress replay, wealth behind the moving front is scaled by stressFactor(): a smooth fall over the
// scenario's peak-to-trough months, then a geometric climb back at median returns. Same curve as
// client/src/sandbox/hall/stressCurve.ts; keep the two in step.
attribute float aMonth;
// 0…6: percentile row of the surface; -1 sample path, -2 replay front, -3 axis
attribute float aBand;
uniform float uLoss;
uniform float uFall;
// months to recover; negative when it never recovers
uniform float uRecovery;
// month reached by the front, and how strongly the replay shows (0 when idle, fading to 0 at the end)
uniform float uFront;
uniform float uAmount;
uniform float uFrontX;
varying float vBand;
varying float vMonth;
varying float vStress;

float stressFactor(float m) {
  if (m <= 0.0 || uLoss <= 0.0) return 1.0;
  if (m < uFall) return 1.0 - uLoss * smoothstep(0.0, 1.0, m / uFall);
  if (uRecovery < 0.0) return 1.0 - uLoss;
  if (uRecovery == 0.0 || m >= uFall + uRecovery) return 1.0;
  return pow(1.0 - uLoss, 1.0 - (m - uFall) / uRecovery);
}

void main() {
  vec3 p = position;
  vBand = aBand;
  vMonth = aMonth;
  vStress = 0.0;
  if (aBand > -1.5) {
    // only where the front has passed, so the fall and recovery travel across the years
    float passed = step(aMonth, uFront);
    float f = mix(1.0, stressFactor(aMonth), uAmount * passed);
    p.y *= f;
    vStress = 1.0 - f;
  } else if (aBand > -2.5) {
    p.x = uFrontX;
  }
  gl_Position = projectionMatrix * modelViewMatrix * vec4(p, 1.0);
}
