"""Seeds a freshly created Tryton database with a small distributor: the company, product
categories and products, two warehouses with stock, customers with addresses in several
countries, a customer price list and a few confirmed sales.

Run by tryton-erp (npm run tryton:setup) as: python3 seed_company.py <trytond.conf> <database>
It talks to trytond's own model layer (the same one its JSON-RPC serves), in one transaction.
"""
import datetime
import sys

from dateutil.relativedelta import relativedelta
from decimal import Decimal

from trytond.config import config

config.update_etc(sys.argv[1])
DATABASE = sys.argv[2]

from trytond.pool import Pool  # noqa: E402 (the configuration must be read first)
from trytond.transaction import Transaction  # noqa: E402

Pool.start()
pool = Pool(DATABASE)
pool.init()

COUNTRIES = [('DE', 'Germany'), ('SE', 'Sweden'), ('PL', 'Poland'), ('ES', 'Spain'), ('EE', 'Estonia')]
CURRENCIES = [('EUR', 'Euro', '€'), ('SEK', 'Swedish krona', 'kr'), ('PLN', 'Polish złoty', 'zł')]

# (name, parent name)
CATEGORIES = [
    ('Fasteners', None), ('Bolts', 'Fasteners'), ('Screws', 'Fasteners'), ('Nuts and washers', 'Fasteners'),
    ('Hand tools', None), ('Safety equipment', None),
]

# (code, name, category, list price, cost price)
PRODUCTS = []
_families = [
    ('Bolts', 'Hex bolt DIN 933 M{0}x{1}, zinc plated', ['8', '10', '12'], ['30', '50', '80'], Decimal('0.18')),
    ('Screws', 'Wood screw TX{0} {1} mm, stainless', ['20', '25'], ['40', '60', '80'], Decimal('0.09')),
    ('Nuts and washers', 'Hex nut DIN 934 M{0}, class {1}', ['8', '10', '12'], ['8', '10'], Decimal('0.05')),
]
for category, pattern, sizes, lengths, base in _families:
    for size in sizes:
        for length in lengths:
            code = 'TR-%04d' % (len(PRODUCTS) + 1)
            price = (base * Decimal(size) * Decimal(length) / Decimal(40)).quantize(Decimal('0.0001'))
            PRODUCTS.append((code, pattern.format(size, length), category, price, (price * Decimal('0.55')).quantize(Decimal('0.0001'))))
for name, category, price in [
        ('Combination spanner set, 12 pieces', 'Hand tools', Decimal('39.90')),
        ('Torque wrench 20-100 Nm', 'Hand tools', Decimal('89.00')),
        ('Screwdriver set TX, 8 pieces', 'Hand tools', Decimal('24.50')),
        ('Safety glasses, clear', 'Safety equipment', Decimal('4.20')),
        ('Work gloves, nitrile, size 9', 'Safety equipment', Decimal('2.75')),
        ('Ear defenders SNR 30 dB', 'Safety equipment', Decimal('15.80'))]:
    code = 'TR-%04d' % (len(PRODUCTS) + 1)
    PRODUCTS.append((code, name, category, price, (price * Decimal('0.6')).quantize(Decimal('0.0001'))))

# How many days before the seeding day each of the three sales was taken and invoiced: the first
# invoice is paid, the second overdue on 30 days' terms from the start, the third open (it falls due
# 26 days after seeding; npm run tryton:setup -- --reset seeds afresh only when the seed changed).
SALE_AGES_DAYS = [12, 45, 4]

# (code, name, country, street, postal code, city, further delivery address or None, price list?)
CUSTOMERS = [
    ('TC1001', 'Nordic Tools AB', 'SE', 'Industrigatan 12', '211 19', 'Malmö', ('Lagervägen 3', '602 23', 'Norrköping'), True),
    ('TC1002', 'Kowalski Hurtownia Sp. z o.o.', 'PL', 'ul. Przemysłowa 8', '61-001', 'Poznań', None, False),
    ('TC1003', 'Ferretería García S.L.', 'ES', 'Calle del Hierro 21', '28045', 'Madrid', ('Polígono Sur 4', '41006', 'Sevilla'), True),
    ('TC1004', 'Baltic Build OÜ', 'EE', 'Tööstuse 5', '10412', 'Tallinn', None, False),
    ('TC1005', 'Schraubenhaus Müller GmbH', 'DE', 'Hafenstraße 40', '28217', 'Bremen', None, False),
]


def main():
    with Transaction().start(DATABASE, 0, context={}) as transaction:
        seed()
        transaction.commit()


def seed():
    Country = pool.get('country.country')
    Currency = pool.get('currency.currency')
    Party = pool.get('party.party')
    Company = pool.get('company.company')
    User = pool.get('res.user')
    Category = pool.get('product.category')
    Uom = pool.get('product.uom')
    Template = pool.get('product.template')
    Location = pool.get('stock.location')

    countries = {code: c for code, c in zip([c for c, _ in COUNTRIES], Country.create([{'code': c, 'name': n} for c, n in COUNTRIES]))}
    currencies = {code: c for code, c in zip([c for c, _, _ in CURRENCIES], Currency.create([
        {'code': c, 'name': n, 'symbol': s, 'rounding': Decimal('0.01'), 'digits': 2} for c, n, s in CURRENCIES]))}
    company_party, = Party.create([{'name': 'Nordwerk Supply GmbH', 'code': 'NWS', 'addresses': [('create', [{
        'street': 'Am Lagerplatz 1', 'postal_code': '20457', 'city': 'Hamburg', 'country': countries['DE'].id}])]}])
    company, = Company.create([{'party': company_party.id, 'currency': currencies['EUR'].id}])
    admin, = User.search([('login', '=', 'admin')])
    User.write([admin], {'companies': [('add', [company.id])], 'company': company.id})

    with Transaction().set_context(company=company.id, companies=[company.id], user=admin.id):
        accounts = create_accounting(company)
        categories = {}
        for name, parent in CATEGORIES:
            categories[name], = Category.create([{'name': name, 'parent': categories[parent].id if parent else None}])
        unit, = Uom.search([('symbol', '=', 'u')])
        templates = Template.create([{
            'name': name, 'code': code, 'type': 'goods', 'default_uom': unit.id, 'sale_uom': unit.id, 'salable': True,
            'list_price': price, 'categories': [('add', [categories[category].id])], 'account_category': accounts['goods'].id,
            'products': [('create', [{'suffix_code': '', 'cost_price': cost}])],
        } for code, name, category, price, cost in PRODUCTS])
        products = [t.products[0] for t in templates]

        main_warehouse, = Location.search([('code', '=', 'WH')])
        Location.write([main_warehouse], {'name': 'Warehouse Hamburg'})
        south = create_warehouse(Location, 'WS', 'Warehouse Munich', company_party)
        put_stock(company, products, main_warehouse, south)
        customers = create_customers(Party, countries)
        create_price_list(company, categories, products, customers)
        sales = create_sales(company, currencies['EUR'], main_warehouse, customers, products)
        create_invoices(company, accounts, sales)


def create_warehouse(Location, code, name, company_party):
    input_, output, storage = Location.create([
        {'name': '%s input' % name, 'code': code + '-IN', 'type': 'storage'},
        {'name': '%s output' % name, 'code': code + '-OUT', 'type': 'storage'},
        {'name': '%s storage' % name, 'code': code + '-STO', 'type': 'storage'},
    ])
    warehouse, = Location.create([{'name': name, 'code': code, 'type': 'warehouse', 'input_location': input_.id,
        'output_location': output.id, 'storage_location': storage.id, 'picking_location': storage.id}])
    Location.write([input_, output, storage], {'parent': warehouse.id})
    return warehouse


def put_stock(company, products, *warehouses):
    Move = pool.get('stock.move')
    Location = pool.get('stock.location')
    supplier, = Location.search([('code', '=', 'SUP')])
    today = datetime.date.today()
    moves = []
    for w, warehouse in enumerate(warehouses):
        for i, product in enumerate(products):
            # The second warehouse keeps a smaller range; some items are out of stock there.
            if w == 1 and i % 3 == 2:
                continue
            quantity = float(((i * 37 + w * 11) % 400) + (5 if w == 1 else 40))
            moves.append({
                'product': product.id, 'uom': product.default_uom.id, 'quantity': quantity,
                'from_location': supplier.id, 'to_location': warehouse.storage_location.id,
                'planned_date': today, 'effective_date': today, 'company': company.id,
                'unit_price': product.cost_price, 'currency': company.currency.id,
            })
    created = Move.create(moves)
    Move.do(created)


def create_customers(Party, countries):
    values = []
    for code, name, country, street, postal, city, delivery, _ in CUSTOMERS:
        addresses = [{'street': street, 'postal_code': postal, 'city': city, 'country': countries[country].id, 'invoice': True, 'delivery': delivery is None}]
        if delivery:
            addresses.append({'name': 'Warehouse', 'street': delivery[0], 'postal_code': delivery[1], 'city': delivery[2],
                'country': countries[country].id, 'invoice': False, 'delivery': True})
        local = name.split()[0].lower()
        values.append({'name': name, 'code': code, 'addresses': [('create', addresses)], 'contact_mechanisms': [('create', [
            {'type': 'email', 'value': 'orders@%s.example' % local}])]})
    return Party.create(values)


def create_price_list(company, categories, products, customers):
    PriceList = pool.get('product.price_list')
    Party = pool.get('party.party')
    price_list, = PriceList.create([{'name': 'Key accounts', 'company': company.id, 'lines': [('create', [
        # A fixed price for a quantity break, a fixed price, a discount on a category; the rest at list price.
        {'sequence': 1, 'product': products[0].id, 'quantity': 100, 'formula': '0.2100'},
        {'sequence': 2, 'product': products[0].id, 'formula': '0.2450'},
        {'sequence': 3, 'category': categories['Hand tools'].id, 'formula': 'unit_price * 0.9'},
        {'sequence': 4, 'formula': 'unit_price'},
    ])]}])
    with_list = [c for c, spec in zip(customers, CUSTOMERS) if spec[7]]
    Party.write(with_list, {'sale_price_list': price_list.id})


def create_sales(company, currency, warehouse, customers, products):
    Sale = pool.get('sale.sale')
    today = datetime.date.today()
    sales = []
    for n, (customer, age) in enumerate(zip(customers[:3], SALE_AGES_DAYS)):
        lines = [{'type': 'line', 'product': products[(n * 5 + k) % len(products)].id, 'quantity': float(10 * (k + 1)),
            'unit': products[0].default_uom.id, 'unit_price': products[(n * 5 + k) % len(products)].list_price,
            'description': products[(n * 5 + k) % len(products)].rec_name} for k in range(2)]
        sales.append({'company': company.id, 'party': customer.id, 'invoice_address': customer.addresses[0].id,
            'shipment_address': customer.addresses[-1].id, 'currency': currency.id, 'warehouse': warehouse.id,
            'sale_date': today - relativedelta(days=age), 'invoice_method': 'manual', 'shipment_method': 'order', 'description': 'Phone order %d' % (n + 1),
            'lines': [('create', lines)]})
    created = Sale.create(sales)
    Sale.quote(created)
    Sale.confirm(created)
    return created


def create_accounting(company):
    """The chart of accounts from the account module's minimal template (as its Create Chart wizard
    makes it), the receivable and payable accounts every party defaults to, fiscal years with
    periods and invoice sequences around today, German VAT, a payment term and a payment method."""
    pool_get = pool.get
    ModelData = pool_get('ir.model.data')
    AccountTemplate = pool_get('account.account.template')
    Account = pool_get('account.account')
    Configuration = pool_get('account.configuration')
    Tax = pool_get('account.tax')
    Category = pool_get('product.category')
    Journal = pool_get('account.journal')

    data, = ModelData.search([('module', '=', 'account'), ('fs_id', '=', 'account_template_root_en')], limit=1)
    template = AccountTemplate(data.db_id)
    template2type, template2account = {}, {}
    template.type.create_type(company.id, template2type=template2type)
    template.create_account(company.id, template2account=template2account, template2type=template2type)
    template.update_account2(template2account, {})

    def account(kind):
        found, = Account.search([('company', '=', company.id), ('type.%s' % kind, '=', True)], limit=1)
        return found
    accounts = {kind: account(kind) for kind in ['receivable', 'payable', 'revenue', 'expense']}
    accounts['cash'], = Account.search([('company', '=', company.id), ('name', '=', 'Main Cash')], limit=1)
    accounts['tax'], = Account.search([('company', '=', company.id), ('name', '=', 'Main Tax')], limit=1)
    config = Configuration(1)
    config.default_account_receivable = accounts['receivable']
    config.default_account_payable = accounts['payable']
    config.save()

    today = datetime.date.today()
    for year in (today.year - 1, today.year, today.year + 1):
        create_fiscalyear(company, year)

    vat, = Tax.create([{'name': 'VAT 19%', 'description': 'VAT 19%', 'type': 'percentage', 'rate': Decimal('0.19'),
        'invoice_account': accounts['tax'].id, 'credit_note_account': accounts['tax'].id, 'company': company.id}])
    # Products are invoiced through an accounting category (not a web category: the hub skips those).
    accounts['goods'], = Category.create([{'name': 'Goods (accounting)', 'accounting': True,
        'account_revenue': accounts['revenue'].id, 'account_expense': accounts['expense'].id, 'customer_taxes': [('add', [vat.id])]}])
    accounts['vat'] = vat

    PaymentTerm = pool_get('account.invoice.payment_term')
    accounts['term'], = PaymentTerm.create([{'name': '30 days net', 'lines': [('create', [
        {'type': 'remainder', 'relativedeltas': [('create', [{'days': 30}])]}])]}])
    config.default_customer_payment_term = accounts['term']
    config.save()

    PaymentMethod = pool_get('account.invoice.payment.method')
    cash_journal, = Journal.search([('code', '=', 'CASH')])
    accounts['journal'], = Journal.search([('code', '=', 'REV')])
    accounts['bank'], = PaymentMethod.create([{'company': company.id, 'name': 'Bank transfer', 'journal': cash_journal.id,
        'credit_account': accounts['cash'].id, 'debit_account': accounts['cash'].id}])
    return accounts


def create_fiscalyear(company, year):
    FiscalYear = pool.get('account.fiscalyear')
    Sequence = pool.get('ir.sequence')
    SequenceStrict = pool.get('ir.sequence.strict')
    SequenceType = pool.get('ir.sequence.type')
    move_type, = SequenceType.search([('name', '=', 'Account Move')], limit=1)
    invoice_type, = SequenceType.search([('name', '=', 'Invoice')], limit=1)
    move_sequence, = Sequence.create([{'name': str(year), 'sequence_type': move_type.id, 'company': company.id}])
    invoices, credit_notes, supplier = SequenceStrict.create([
        {'name': 'Invoices %d' % year, 'sequence_type': invoice_type.id, 'company': company.id, 'prefix': 'INV-%d-' % year, 'padding': 5},
        {'name': 'Credit notes %d' % year, 'sequence_type': invoice_type.id, 'company': company.id, 'prefix': 'CN-%d-' % year, 'padding': 5},
        {'name': 'Supplier invoices %d' % year, 'sequence_type': invoice_type.id, 'company': company.id, 'prefix': 'SI-%d-' % year, 'padding': 5},
    ])
    fiscalyear, = FiscalYear.create([{
        'name': str(year), 'start_date': datetime.date(year, 1, 1), 'end_date': datetime.date(year, 12, 31), 'company': company.id,
        'post_move_sequence': move_sequence.id, 'invoice_sequences': [('create', [{
            'company': company.id, 'out_invoice_sequence': invoices.id, 'out_credit_note_sequence': credit_notes.id,
            'in_invoice_sequence': supplier.id, 'in_credit_note_sequence': supplier.id}])],
    }])
    FiscalYear.create_period([fiscalyear])


def create_invoices(company, accounts, sales):
    """Posted customer invoices for the seeded sales, dated the sale's day, each line pointing at its
    sale line (so Tryton links invoice and sale): the first paid by bank transfer 3 days after it,
    the second overdue, the third open with a credit note for part of a line."""
    Invoice = pool.get('account.invoice')
    MoveLine = pool.get('account.move.line')
    today = datetime.date.today()
    values = []
    for sale in sales:
        date = sale.sale_date
        values.append({
            'company': company.id, 'type': 'out', 'party': sale.party.id, 'invoice_address': sale.invoice_address.id,
            'currency': sale.currency.id, 'account': accounts['receivable'].id, 'journal': accounts['journal'].id, 'payment_term': accounts['term'].id,
            'invoice_date': date, 'description': sale.description,
            'lines': [('create', [{
                'type': 'line', 'product': line.product.id, 'description': line.description, 'quantity': line.quantity,
                'unit': line.unit.id, 'unit_price': line.unit_price, 'account': accounts['revenue'].id,
                'taxes': [('add', [accounts['vat'].id])], 'origin': str(line),
            } for line in sale.lines])],
        })
    invoices = Invoice.create(values)
    Invoice.post(invoices)

    paid = invoices[0]
    lines = paid.pay_invoice(paid.amount_to_pay, accounts['bank'], paid.invoice_date + relativedelta(days=3), 'Bank transfer %s' % paid.number)
    MoveLine.reconcile([l for l in paid.lines_to_pay if not l.reconciliation] + list(lines))
    Invoice.process([paid])

    open_invoice = invoices[2]
    first = open_invoice.lines[0]
    credit_note, = Invoice.create([{
        'company': company.id, 'type': 'out', 'party': open_invoice.party.id, 'invoice_address': open_invoice.invoice_address.id,
        'currency': open_invoice.currency.id, 'account': accounts['receivable'].id, 'journal': accounts['journal'].id, 'payment_term': accounts['term'].id,
        'invoice_date': today - relativedelta(days=2), 'description': 'Damaged in transit (%s)' % open_invoice.number,
        'lines': [('create', [{
            'type': 'line', 'product': first.product.id, 'description': first.description, 'quantity': -(first.quantity / 2),
            'unit': first.unit.id, 'unit_price': first.unit_price, 'account': accounts['revenue'].id,
            'taxes': [('add', [accounts['vat'].id])], 'origin': str(first),
        }])],
    }])
    Invoice.post([credit_note])


if __name__ == '__main__':
    main()
