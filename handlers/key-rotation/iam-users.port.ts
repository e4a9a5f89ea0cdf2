/** Read-side port on IAM users, used to validate key-rotation slots. */
export interface IamUserDirectory {
  userExists(userName: string): Promise<boolean>;
}
