import{E as e,Et as t,a as n,b as r,c as i,h as a,hr as o,i as s,n as c,o as l,s as u,t as d,y as f,yt as p}from"./index-DHQSTR2Z.js";import{t as m}from"./radio-BeEUJzEH.js";import{t as h}from"./space-CHX-bpgn.js";var g=c(),_=u(`
  mutation SetLanguage($language: String!) {
    setLanguage(language: $language) {
      id
      language
    }
  }
`),v=u(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      token
    }
  }
`);function y(){let{t:c,language:u,setLanguage:y}=i(),{message:b}=p.useApp(),{viewer:x,replaceToken:S}=d(),[C]=o(_),[w,{loading:T}]=o(v),[E]=r.useForm(),D=async e=>{y(e),await C({variables:{language:e}}).catch(t=>b.error(n(t,c,e)))},O=async e=>{try{let t=await w({variables:{input:{currentPassword:e.currentPassword,newPassword:e.newPassword}}});t.data&&S(t.data.changePassword.token),E.resetFields(),b.success(c(`account.changed`))}catch(e){let t=s(e),r=n(e,c,u);t?E.setFields([{name:t[0],errors:[l(e,c,u)]}]):b.error(r)}};return(0,g.jsxs)(h,{direction:`vertical`,size:16,style:{width:`100%`,maxWidth:560},children:[(0,g.jsxs)(a.Title,{level:1,style:{fontSize:22,margin:0},children:[c(`nav.account`),` · `,x.displayName]}),(0,g.jsx)(e,{size:`small`,title:c(`account.language`),children:(0,g.jsxs)(m.Group,{value:u,onChange:e=>void D(e.target.value),children:[(0,g.jsx)(m.Button,{value:`zh`,children:`简体中文`}),(0,g.jsx)(m.Button,{value:`en`,children:`English`})]})}),(0,g.jsx)(e,{size:`small`,title:c(`account.password`),children:(0,g.jsxs)(r,{form:E,layout:`vertical`,onFinish:e=>void O(e),children:[(0,g.jsx)(r.Item,{label:c(`account.current`),name:`currentPassword`,rules:[{required:!0}],children:(0,g.jsx)(f.Password,{autoComplete:`current-password`})}),(0,g.jsx)(r.Item,{label:c(`account.new`),name:`newPassword`,rules:[{required:!0,min:8,max:128}],children:(0,g.jsx)(f.Password,{autoComplete:`new-password`})}),(0,g.jsx)(r.Item,{label:c(`account.confirm`),name:`confirm`,dependencies:[`newPassword`],rules:[{required:!0},({getFieldValue:e})=>({validator:(t,n)=>n===e(`newPassword`)?Promise.resolve():Promise.reject(Error(c(`account.mismatch`)))})],children:(0,g.jsx)(f.Password,{autoComplete:`new-password`})}),(0,g.jsx)(t,{type:`primary`,htmlType:`submit`,loading:T,children:c(`account.save`)})]})})]})}export{y as default};