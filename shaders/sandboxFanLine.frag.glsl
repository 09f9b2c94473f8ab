// Lines over the fan: sample paths (warm where a replay has pushed them down), axes, and the replay front,
// which shows only while a replay runs.
uniform float uAmount;
varying float vBand;
varying float vStress;

void main() {
  if (vBand < -2.5) {
    gl_FragColor = vec4(0.35, 0.4, 0.47, 0.9);
  } else if (vBand < -1.5) {
    if (uAmount <= 0.0) discard;
    gl_FragColor = vec4(1.0, 0.78, 0.35, uAmount);
  } else {
    vec3 color = mix(vec3(0.11, 0.16, 0.23), vec3(0.85, 0.2, 0.12), clamp(vStress * 4.0, 0.0, 1.0));
    gl_FragColor = vec4(color, 0.7);
  }
}
