// Hologram look: baked colours pulled towards a teal-blue tint, a fresnel rim, fine scanlines
// drifting upwards, a slow bright sweep, a flicker, and a fade towards the projector below.
uniform float uTime;
uniform float uFlicker;
uniform float uOpacity;
uniform vec3 uTint;
uniform vec3 uRim;

varying vec3 vColor;
varying vec3 vNormal;
varying vec3 vWorld;
varying vec3 vView;

void main() {
  // the figure fades out towards its feet, above the projector disc
  float fade = smoothstep(0.35, 1.0, vWorld.y);
  // faded-out legs must not hide the light cone behind them from the depth test
  if (fade < 0.05) discard;
  vec3 n = normalize(vNormal);
  vec3 v = normalize(vView);
  if (!gl_FrontFacing) n = -n;
  float ndv = clamp(dot(n, v), 0.0, 1.0);
  float fresnel = pow(1.0 - ndv, 2.2);
  // soft key light from above the desk, so the face reads
  float key = 0.6 + 0.4 * clamp(dot(n, normalize(vec3(0.25, 0.7, 0.65))), 0.0, 1.0);
  vec3 base = vColor * key;
  float luma = dot(base, vec3(0.299, 0.587, 0.114));
  // keep the darks dark (hair, brows, pupils, the open mouth) so the face reads from afar
  vec3 col = mix(base, uTint * (0.08 + 1.45 * luma), 0.5);
  float scan = 0.95 + 0.05 * sin(vWorld.y * 260.0 - uTime * 2.4);
  float sweep = exp(-pow((fract(vWorld.y * 0.45 - uTime * 0.11) - 0.5) * 14.0, 2.0));
  col = col * scan + uRim * (fresnel * 0.8 + sweep * 0.12);
  float alpha = (0.88 + 0.12 * fresnel) * fade * uFlicker * uOpacity;
  gl_FragColor = vec4(col, alpha);
  #include <tonemapping_fragment>
  #include <colorspace_fragment>
}
