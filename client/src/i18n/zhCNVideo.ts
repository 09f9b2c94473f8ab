/** 简体中文 strings for `video.*`; keys must match enVideo.ts. */
export const zhCNVideo = {
  video: {},
}
