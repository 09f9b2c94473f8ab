// Translucent percentile bands: faint at the 5th/95th, densest around the median, which is drawn as a bright
// line; thin year lines help reading across; stressed parts turn warm.
uniform vec3 uOuter;
uniform vec3 uInner;
uniform vec3 uStressColor;
varying float vBand;
varying float vMonth;
varying float vStress;

void main() {
  float centre = 1.0 - abs(vBand - 3.0) / 3.0;
  vec3 color = mix(uOuter, uInner, centre);
  float alpha = 0.25 + 0.45 * centre;
  // a median line about 1.5 px wide whatever the distance (fwidth keeps it crisp when far away)
  float median = 1.0 - clamp(abs(vBand - 3.0) / max(fwidth(vBand), 1e-4) - 0.75, 0.0, 1.0);
  float yearDistance = abs(fract(vMonth / 12.0 + 0.5) - 0.5) * 12.0;
  float year = 1.0 - clamp(yearDistance / max(fwidth(vMonth), 1e-4) - 0.5, 0.0, 1.0);
  color = mix(color, uStressColor, clamp(vStress * 4.0, 0.0, 1.0));
  color = mix(color, vec3(1.0), max(median * 0.85, year * 0.35));
  alpha = max(alpha, max(median * 0.95, year * 0.4));
  gl_FragColor = vec4(color, alpha);
}
