/** Native drag-and-drop payload types of the designer. */

/** A palette item being dragged: the field type. */
export const TYPE_DRAG = 'application/x-funnelgrid-type'
/** A canvas field being dragged: its index. */
export const FIELD_DRAG = 'application/x-funnelgrid-field'
