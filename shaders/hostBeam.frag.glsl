// Additive light: the disc has a bright rim and slowly turning rings; the cone is brightest at
// its silhouette (like light in haze), fades with height and carries faint rising streaks.
uniform float uTime;
uniform float uKind;
uniform float uHeight;
uniform float uFlicker;
uniform vec3 uColor;

varying vec2 vUv;
varying vec3 vNormal;
varying vec3 vView;
varying float vHeight;

void main() {
  float a;
  if (uKind < 0.5) {
    // disc: vUv.x = radius 0..1, vUv.y = angle 0..1
    float r = vUv.x;
    float rim = smoothstep(0.86, 0.97, r) * (1.0 - smoothstep(0.97, 1.0, r));
    float rings = 0.5 + 0.5 * sin(r * 40.0 - uTime * 1.5);
    float dashes = step(0.5, fract(vUv.y * 24.0 + uTime * 0.05 * (r > 0.6 ? 1.0 : -1.0)));
    float inner = smoothstep(0.55, 0.6, r) * (1.0 - smoothstep(0.68, 0.72, r)) * dashes;
    a = rim * 0.9 + inner * 0.45 + rings * 0.12 * (1.0 - r) + 0.18 * (1.0 - r * r);
  } else {
    float h = clamp(vHeight / uHeight, 0.0, 1.0);
    float edge = 1.0 - abs(dot(normalize(vNormal), normalize(vView)));
    float streaks = 0.75 + 0.25 * sin(vUv.x * 6.2832 * 18.0 + sin(vUv.x * 40.0)) * sin(h * 12.0 - uTime * 2.0);
    a = (0.015 + 0.22 * pow(edge, 2.5)) * pow(1.0 - h, 2.2) * streaks;
  }
  gl_FragColor = vec4(uColor * a * uFlicker, 1.0);
  #include <colorspace_fragment>
}
