/** A file sent in a multipart request; serialises to a summary so call logs stay small. */
export class UploadedFile {
  constructor(
    readonly fileName: string,
    readonly contentType: string | undefined,
    readonly content: Buffer,
  ) {}

  toJSON(): { file_name: string; size: number } {
    return { file_name: this.fileName, size: this.content.length };
  }
}
