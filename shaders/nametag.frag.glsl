uniform sampler2D map;
varying vec2 vUv;

void main() {
  vec4 c = texture2D(map, vUv);
  if (c.a < 0.05) discard;
  gl_FragColor = c;
  #include <colorspace_fragment>
}
