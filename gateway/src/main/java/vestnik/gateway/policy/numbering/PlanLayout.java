package vestnik.gateway.policy.numbering;

/**
 * The column layouts the register has published ("АВС/ DEF;От;До;Емкость;Оператор;Регион…"). The reader maps
 * columns by their header names, so a future extra column does not break it; the layout is reported so that an
 * operator can see which kind of file was loaded.
 */
public enum PlanLayout {
    /** {@code АВС/ DEF;От;До;Емкость;Оператор;Регион} — the older files. */
    SIX_COLUMNS,
    /** {@code …;Регион;ИНН}. */
    SEVEN_WITH_INN,
    /** {@code …;Регион;Территория ГАР;ИНН} — the files Minцифры publishes now. */
    EIGHT_WITH_GAR,
    /** Another set of columns that still has every column the lookup needs. */
    OTHER
}
