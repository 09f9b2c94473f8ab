// The host's projector: a glowing disc on the floor (uKind 0) and a soft cone of light (uKind 1).
varying vec2 vUv;
varying vec3 vNormal;
varying vec3 vView;
varying float vHeight;

void main() {
  vUv = uv;
  vec4 world = modelMatrix * vec4(position, 1.0);
  vNormal = normalize(mat3(modelMatrix) * normal);
  vView = cameraPosition - world.xyz;
  vHeight = position.y;
  gl_Position = projectionMatrix * viewMatrix * world;
}
