/** A publish or join the user cancelled. Its own module: the sync store checks for it without loading the transfer code. */
export class TransferCancelled extends Error {
  constructor() {
    super('Cancelled')
    this.name = 'TransferCancelled'
  }
}
