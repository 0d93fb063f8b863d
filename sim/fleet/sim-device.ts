/** A device as the simulated dock knows itself: what it reports in update_topo and state. */
export interface SimDevice {
  sn: string;
  /** "3" dock, "0" aircraft. */
  domain: string;
  type: number;
  subType: number;
  firmwareVersion: string;
  /** 1 = needs a consistency upgrade (the only case where firmware_upgrade_type 2 is accepted). */
  compatibleStatus: 0 | 1;
}

export interface DockIdentity {
  dock: SimDevice;
  /** null = aircraft offline or unpaired: update_topo sends empty sub_devices. */
  aircraft: SimDevice | null;
}
