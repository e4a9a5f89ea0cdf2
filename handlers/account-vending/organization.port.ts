/** Read-side port on the AWS Organization, used to validate account-vending slots. */
export interface OrganizationalUnit {
  id: string;
  name: string;
}

export interface OrganizationDirectory {
  /** Every organizational unit that accounts may be vended into. */
  listOrganizationalUnits(): Promise<OrganizationalUnit[]>;
  /** Whether an existing account in the organization already uses this root email. */
  isAccountEmailInUse(email: string): Promise<boolean>;
}
