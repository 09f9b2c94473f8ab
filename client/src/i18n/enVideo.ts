/** English strings for `video.*`; keys must match zhCNVideo.ts. */
export const enVideo = {
  video: {},
}
