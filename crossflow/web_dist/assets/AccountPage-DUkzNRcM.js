import{r as e}from"./rolldown-runtime-BLXQ4ufn.js";import{F as t,Lr as n,Lt as r,O as i,Q as a,T as o,a as s,b as c,d as l,jr as u,kt as d,mn as f,n as p,o as m,r as h,s as g,u as _}from"./index-Bv15gHvB.js";import{t as v}from"./radio-C34uMNTO.js";import{t as y}from"./space-CDIbhnFy.js";import{n as b,t as x}from"./PersonPicker-DooitGsg.js";import{t as S}from"./list-N6hIvrfC.js";import{t as C}from"./tag-DpJL2KMj.js";var w=e(a(),1),T=h(),E=_(`
  query MyDelegations {
    delegations(includeEnded: true) {
      id
      startsAt
      endsAt
      revokedAt
      note
      isActive
      head {
        id
        displayName
      }
      delegate {
        id
        displayName
      }
    }
  }
`),D=_(`
  mutation SetDelegate($input: SetDelegateInput!) {
    setDelegate(input: $input) {
      id
    }
  }
`),O=_(`
  mutation RevokeDelegation($id: ID!) {
    revokeDelegation(id: $id) {
      id
      revokedAt
      isActive
    }
  }
`);function k(){let{t:e,language:a}=l(),{message:s}=d.useApp(),{viewer:h}=p(),[g]=i.useForm(),{data:_}=n(E),[v,k]=u(D,{refetchQueries:[E]}),[A,j]=u(O),M=async t=>{await v({variables:{input:{delegateId:t.delegateId,startsAt:t.period[0].toISOString(),endsAt:t.period[1].toISOString(),note:t.note??``}}}).catch(()=>null)&&(g.resetFields(),s.success(e(`delegation.set`)))},N=k.error??j.error,P=(_?.delegations??[]).filter(e=>e.head?.id===h.id);return(0,T.jsxs)(t,{size:`small`,title:e(`delegation.title`),"data-testid":`delegation-card`,children:[N&&(0,T.jsx)(f,{type:`error`,showIcon:!0,message:m(N,e,a),style:{marginBottom:12}}),(0,T.jsxs)(i,{form:g,layout:`vertical`,onFinish:e=>void M(e),children:[(0,T.jsx)(i.Item,{label:e(`delegation.delegate`),name:`delegateId`,rules:[{required:!0,message:e(`field.required`,{label:e(`delegation.delegate`)})}],children:(0,T.jsx)(x,{excludeIds:[h.id]})}),(0,T.jsx)(i.Item,{label:e(`delegation.period`),name:`period`,rules:[{required:!0,message:e(`field.required`,{label:e(`delegation.period`)})}],children:(0,T.jsx)(b.RangePicker,{showTime:{format:`HH:mm`},format:`YYYY-MM-DD HH:mm`,style:{width:`100%`},"aria-label":e(`delegation.period`)})}),(0,T.jsx)(i.Item,{label:e(`delegation.note`),name:`note`,children:(0,T.jsx)(o,{maxLength:200})}),(0,T.jsx)(r,{type:`primary`,htmlType:`submit`,loading:k.loading,children:e(`delegation.submit`)})]}),(0,T.jsx)(S,{style:{marginTop:12},size:`small`,dataSource:P,locale:{emptyText:(0,T.jsx)(c.Text,{type:`secondary`,children:e(`common.none`)})},renderItem:t=>(0,T.jsx)(S.Item,{actions:t.isActive||!t.revokedAt&&(0,w.default)(t.endsAt).isAfter((0,w.default)())?[(0,T.jsx)(r,{size:`small`,danger:!0,loading:j.loading,onClick:()=>void A({variables:{id:t.id}}).then(()=>s.success(e(`delegation.revoked`))).catch(()=>null),children:e(`delegation.revoke`)},`revoke`)]:[],children:(0,T.jsxs)(y,{wrap:!0,children:[(0,T.jsx)(c.Text,{strong:!0,children:t.delegate?.displayName}),(0,T.jsxs)(c.Text,{children:[(0,w.default)(t.startsAt).format(`YYYY-MM-DD HH:mm`),` – `,(0,w.default)(t.endsAt).format(`YYYY-MM-DD HH:mm`)]}),t.isActive&&(0,T.jsx)(C,{color:`green`,children:e(`delegation.active`)}),t.revokedAt&&(0,T.jsx)(C,{children:e(`delegation.revokedTag`)}),t.note&&(0,T.jsx)(c.Text,{type:`secondary`,children:t.note})]})})})]})}var A=_(`
  mutation CreateSuggestion($input: CreateSuggestionInput!) {
    createSuggestion(input: $input) {
      id
    }
  }
`);function j(){let{t:e,language:n}=l(),{message:a}=d.useApp(),[s]=i.useForm(),[c,{loading:p,error:h}]=u(A),g=t=>[{required:!0,whitespace:!0,message:e(`field.required`,{label:t})}],_=async t=>{await c({variables:{input:{painPoint:t.painPoint,proposal:t.proposal,expectedEffect:t.expectedEffect??``}}}).catch(()=>null)&&(s.resetFields(),a.success(e(`suggestion.sent`)))};return(0,T.jsxs)(t,{size:`small`,title:e(`suggestion.title`),"data-testid":`suggestion-card`,children:[h&&(0,T.jsx)(f,{type:`error`,showIcon:!0,message:m(h,e,n),style:{marginBottom:12}}),(0,T.jsxs)(i,{form:s,layout:`vertical`,onFinish:e=>void _(e),children:[(0,T.jsx)(i.Item,{label:e(`suggestion.painPoint`),name:`painPoint`,rules:g(e(`suggestion.painPoint`)),children:(0,T.jsx)(o.TextArea,{autoSize:{minRows:2},maxLength:2e3})}),(0,T.jsx)(i.Item,{label:e(`suggestion.proposal`),name:`proposal`,rules:g(e(`suggestion.proposal`)),children:(0,T.jsx)(o.TextArea,{autoSize:{minRows:2},maxLength:2e3})}),(0,T.jsx)(i.Item,{label:e(`suggestion.expectedEffect`),name:`expectedEffect`,children:(0,T.jsx)(o.TextArea,{autoSize:{minRows:1},maxLength:2e3})}),(0,T.jsx)(r,{type:`primary`,htmlType:`submit`,loading:p,children:e(`suggestion.submit`)})]})]})}var M=_(`
  mutation SetLanguage($language: String!) {
    setLanguage(language: $language) {
      id
      language
    }
  }
`),N=_(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      token
    }
  }
`);function P(){let{t:e,language:n,setLanguage:a}=l(),{message:f}=d.useApp(),{viewer:h,replaceToken:_}=p(),[b]=u(M),[x,{loading:S}]=u(N),[C]=i.useForm(),w=async t=>{a(t),await b({variables:{language:t}}).catch(n=>f.error(m(n,e,t)))},E=async t=>{try{let n=await x({variables:{input:{currentPassword:t.currentPassword,newPassword:t.newPassword}}});n.data&&_(n.data.changePassword.token),C.resetFields(),f.success(e(`account.changed`))}catch(t){let r=s(t),i=m(t,e,n);r?C.setFields([{name:r[0],errors:[g(t,e,n)]}]):f.error(i)}};return(0,T.jsxs)(y,{direction:`vertical`,size:16,style:{width:`100%`,maxWidth:560},children:[(0,T.jsxs)(c.Title,{level:1,style:{fontSize:22,margin:0},children:[e(`nav.account`),` · `,h.displayName]}),(0,T.jsx)(t,{size:`small`,title:e(`account.language`),children:(0,T.jsxs)(v.Group,{value:n,onChange:e=>void w(e.target.value),children:[(0,T.jsx)(v.Button,{value:`zh`,children:`简体中文`}),(0,T.jsx)(v.Button,{value:`en`,children:`English`})]})}),(0,T.jsx)(t,{size:`small`,title:e(`account.password`),children:(0,T.jsxs)(i,{form:C,layout:`vertical`,onFinish:e=>void E(e),children:[(0,T.jsx)(i.Item,{label:e(`account.current`),name:`currentPassword`,rules:[{required:!0}],children:(0,T.jsx)(o.Password,{autoComplete:`current-password`})}),(0,T.jsx)(i.Item,{label:e(`account.new`),name:`newPassword`,rules:[{required:!0,min:8,max:128}],children:(0,T.jsx)(o.Password,{autoComplete:`new-password`})}),(0,T.jsx)(i.Item,{label:e(`account.confirm`),name:`confirm`,dependencies:[`newPassword`],rules:[{required:!0},({getFieldValue:t})=>({validator:(n,r)=>r===t(`newPassword`)?Promise.resolve():Promise.reject(Error(e(`account.mismatch`)))})],children:(0,T.jsx)(o.Password,{autoComplete:`new-password`})}),(0,T.jsx)(r,{type:`primary`,htmlType:`submit`,loading:S,children:e(`account.save`)})]})}),h.role===`DEPT_HEAD`&&(0,T.jsx)(k,{}),(0,T.jsx)(j,{})]})}export{P as default};