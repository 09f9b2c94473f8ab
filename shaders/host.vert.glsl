// The holographic digital host (client/src/components/host). Morph targets (visemes, blink,
// smile) come from three's chunks; head turn, gaze and breathing are applied here from uniforms,
// so the whole figure stays one mesh and nothing is recomputed on the CPU.
#include <morphtarget_pars_vertex>

attribute vec2 aPart; // x: how much the vertex turns with the head, y: 1 on the irises
uniform mat3 uHeadRot;
uniform vec3 uHeadPivot;
uniform vec2 uEye;
uniform float uBreath;

varying vec3 vColor;
varying vec3 vNormal;
varying vec3 vWorld;
varying vec3 vView;

void main() {
  #include <begin_vertex>
  #include <morphtarget_vertex>
  vec3 n = normal;
  // breathing: the chest widens a little and everything above it rises a few millimetres
  float chest = smoothstep(0.95, 1.4, transformed.y) * (1.0 - aPart.x);
  transformed.xz *= 1.0 + uBreath * 0.012 * chest;
  transformed.y += uBreath * 0.005 * smoothstep(0.9, 1.45, transformed.y);
  // the eyes look a little ahead of the head
  transformed.xy += uEye * aPart.y;
  vec3 turned = uHeadPivot + uHeadRot * (transformed - uHeadPivot);
  transformed = mix(transformed, turned, aPart.x);
  n = normalize(mix(n, uHeadRot * n, aPart.x));

  vec4 world = modelMatrix * vec4(transformed, 1.0);
  vWorld = world.xyz;
  vNormal = normalize(mat3(modelMatrix) * n);
  vView = cameraPosition - world.xyz;
  vColor = color;
  gl_Position = projectionMatrix * viewMatrix * world;
}
